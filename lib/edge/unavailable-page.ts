// The "database unavailable" page the proxy answers with HTTP 503 while the database cannot be reached.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function unavailablePage(locale: string, text: { title: string; body: string; retry: string; brand: string }): string {
  const t = Object.fromEntries(Object.entries(text).map(([k, v]) => [k, escapeHtml(v)])) as typeof text;
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${t.title} · ${t.brand}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK KR','Noto Sans CJK JP',sans-serif;background:#f6f7f9;color:#1c2230}
header{background:#1c2230;color:#fff;padding:.6rem 1.25rem;font-weight:700}
main{max-width:40rem;margin:3rem auto;text-align:center;padding:0 1rem}
.code{font-family:ui-monospace,monospace;color:#5b6474;font-size:2rem;margin:0}
a{color:#1f5fbf}
@media (prefers-color-scheme: dark){body{background:#12151c;color:#e6e9ef}header{background:#0b0d12}a{color:#8ab4ff}.code{color:#a4acba}}
</style></head>
<body><header>${t.brand}</header>
<main role="alert" data-testid="database-unavailable"><p class="code">503</p><h1>${t.title}</h1><p>${t.body}</p><p><a href="">${t.retry}</a></p></main>
</body></html>`;
}
