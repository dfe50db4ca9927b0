// `npm run build`: the production build, recorded so that `npm start` serves it without building again.
import { ensureBuild } from './lib/build.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
ensureBuild({ force: true });
