# syntax=docker/dockerfile:1
# The dashboard as a container image: Next's standalone output and the files it needs, served by the same server as
# `npm start` (scripts/server/serve.mjs: the edge that bounds every request, in front of Next's handler).
#   docker build -t goodjob-dashboard .
#   docker build --build-arg BASE_PATH=/good_job -t goodjob-dashboard .     (the base path is compiled in)
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e DASHBOARD_USERNAME=ops -e DASHBOARD_PASSWORD=… goodjob-dashboard
# It listens on 0.0.0.0, so it refuses to start without sign-in (or DASHBOARD_AUTH=none with DASHBOARD_ALLOWED_HOSTS).
# There is no embedded database in the image: DATABASE_URL is your GoodJob database. See README, "Container".

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The lockfile holds every platform's native packages (SWC, lightningcss); no install script is needed.
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM node:24-bookworm-slim AS build
WORKDIR /app
ARG BASE_PATH=""
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone BASE_PATH=${BASE_PATH}
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# public/ is optional in the sources; the runtime stage copies it either way.
RUN mkdir -p public && node node_modules/next/dist/bin/next build

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ARG BASE_PATH=""
# BASE_PATH here only tells the health check where the app is; the app itself has it compiled in.
# The V8 heap cap is what `npm start` gives its server (DASHBOARD_HEAP_MB=256): resident memory near 250 MB under load.
ENV NODE_ENV=production HOSTNAME=0.0.0.0 PORT=3000 NEXT_TELEMETRY_DISABLED=1 BASE_PATH=${BASE_PATH} \
    NODE_OPTIONS=--max-old-space-size=256
# Root-owned and read-only for the server; only Next's cache folder is writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# The server script and the plain-JavaScript edge it runs (Next bundles the rest of lib/ into the standalone output).
COPY --from=build /app/scripts/server ./scripts/server
COPY --from=build /app/lib/edge/*.mjs ./lib/edge/
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+(process.env.BASE_PATH||'').replace(/\\/+$/,'')+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "scripts/server/serve.mjs"]
