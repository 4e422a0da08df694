/** The page: a strict CSP, one script by nonce, no inline handlers, no remote resources. */
export function graphHtml(scriptUri: string, cspSource: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Kubesim: Resource Graph</title>
<style nonce="${nonce}">
  html, body { height: 100%; margin: 0; padding: 0; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
  #graph { position: absolute; inset: 0; }
  #empty { padding: 1em; }
</style>
</head>
<body>
<p id="empty">No simulation yet. Run <b>Kubesim: Simulate Apply</b>.</p>
<div id="graph" role="img" aria-label="Resource graph of the simulated cluster"></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
