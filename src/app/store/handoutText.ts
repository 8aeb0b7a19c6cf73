// Plain text of an HTML or Markdown handout for offline search. Never rendered, so a regex strip is enough; no DOM needed.

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  eacute: "é",
  egrave: "è",
  agrave: "à",
  ccedil: "ç",
  copy: "©",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The words a reader sees: no scripts, styles, comments or tags; block ends become line breaks; whitespace collapsed. */
export function handoutPlainText(source: string): string {
  const withoutHidden = source
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/<(script|style|template|noscript|svg|head)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, " ");
  const withBreaks = withoutHidden.replace(
    /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre)\b[^>]*>/gi,
    "\n",
  );
  const withoutTags = withBreaks.replace(/<\/?[a-z][^>]*>/gi, " ");
  return decodeEntities(withoutTags)
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\r\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}
