// The demo HTML handout: plain markup, headings and a list, no script and no external resources.
export function rkcHandoutHtml(): Uint8Array {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>RKC checklist: clearance in your administration</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:1rem auto;padding:0 1rem}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}</style>
</head>
<body>
<h1>RKC checklist: clearance in your administration</h1>
<p>A one-page handout from the Asia/Pacific regional workshop on the Revised Kyoto Convention.
Go through it with a colleague from operations and one from policy.</p>
<h2>Declarations and documents</h2>
<ul>
<li>Is there one goods declaration form, aligned with the WCO Data Model?</li>
<li>Can supporting documents be lodged electronically, and only when asked for?</li>
<li>Can a declaration be lodged before the goods arrive?</li>
</ul>
<h2>Control</h2>
<ul>
<li>Are physical inspections selected by risk, and is the selection rate measured?</li>
<li>Is post-clearance audit used so that goods can be released quickly?</li>
<li>Do other border agencies inspect at the same time and place as customs?</li>
</ul>
<h2>Transparency</h2>
<ul>
<li>Are laws, procedures and fees published where traders can find them?</li>
<li>Can a trader ask for a binding ruling, and appeal a decision?</li>
</ul>
<h2>After the workshop</h2>
<ol>
<li>Share this checklist and the RKC guide with your team.</li>
<li>Pick one gap and name who will work on it.</li>
<li>Report what changed in the follow-up survey.</li>
</ol>
</body>
</html>
`;
  return new TextEncoder().encode(html);
}
