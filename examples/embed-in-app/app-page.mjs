// Stands for "your existing app": its own routes, next to which the video routes are mounted.
// `/` is a page that starts a video and shows its events live (EventSource); `/health` answers ok.

const page = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Reelsmith in an app</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  input { width: 24rem; padding: .3rem; } pre { background: #f4f4f4; padding: .6rem; min-height: 6rem; }
</style>
<h1>Make a video</h1>
<form>
  <input name="product" value="Insulated steel water bottle" aria-label="title, ASIN or product URL">
  <button>Start</button>
</form>
<p>A title, an ASIN (10 letters or digits) or an http(s) product URL.</p>
<pre id="log"></pre>
<script>
  const log = document.getElementById('log');
  const line = (text) => { log.textContent += text + '\\n'; };
  document.querySelector('form').addEventListener('submit', async (submit) => {
    submit.preventDefault();
    const value = new FormData(submit.target).get('product').trim();
    const body = /^https?:/.test(value) ? { url: value } : /^[A-Z0-9]{10}$/i.test(value) ? { asin: value } : { title: value };
    log.textContent = '';
    const answer = await fetch('/videos', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const started = await answer.json();
    if (!answer.ok) return line(answer.status + ' ' + started.error);
    line('202 run ' + started.runId);
    const events = new EventSource(started.events);
    for (const name of ['run:queued', 'run:start', 'phase:start', 'phase:end', 'phase:skip', 'phase:error', 'phase:warning', 'run:retry'])
      events.addEventListener(name, (event) => {
        const data = JSON.parse(event.data);
        line(name + ' ' + (data.phase ?? '') + (data.warning ? ' ' + data.warning.message : '') + (data.error ? ' ' + data.error.message : ''));
      });
    events.addEventListener('run:end', (event) => {
      const data = JSON.parse(event.data);
      line('run:end ' + data.status + (data.error ? ' ' + data.error.message : ''));
      for (const [platform, url] of Object.entries(data.links)) line('  ' + platform + ': ' + url);
      events.close();
    });
  });
</script>
</html>
`;

/** The app's own request handler. */
export function appHandler(request, response) {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (request.method === 'GET' && pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  } else if (request.method === 'GET' && pathname === '/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  } else {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":"not found"}');
  }
}
