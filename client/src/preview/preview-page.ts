// The preview webview's page: a strict Content Security Policy, the shared stylesheet and
// renderer (media/preview.css, media/preview.js), and nothing else. Free of the vscode
// module, so the browser test in test/hardening loads exactly this page.

export interface PreviewPageSources {
  /** The webview's `cspSource`: where its own resources come from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** A fresh random value per page: only scripts carrying it run. */
  nonce: string;
}

export function previewPageHtml({ cspSource, scriptUri, styleUri, nonce }: PreviewPageSources): string {
  const csp = [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${styleUri}">
<title>Charter preview</title>
</head>
<body>
<main id="charter-preview" aria-busy="true"><p class="muted">Loading the charter summary…</p></main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
