// Message text is plain text. Only [label](url) and bare http(s) addresses become links, and only for these
// schemes; anything else (javascript:, data:, vbscript:, entity or tab tricks) stays text.
const SCHEMES = ["http:", "https:", "mailto:", "tel:"];
const LINKS = /\[([^\]\n]{1,500})\]\(([^()\s]{1,2000})\)|https?:\/\/[^\s<>"'()[\]]+(?:\([^\s()]*\)[^\s<>"'()[\]]*)*/gi;

export const safeUrl = (raw: string): string | null => {
  // No base URL: a relative or mangled address such as "java&#x09;script:x" does not parse at all.
  try {
    const url = new URL(raw);
    return SCHEMES.indexOf(url.protocol) >= 0 ? url.href : null;
  } catch {
    return null;
  }
};

/** Splits text into pieces: [text] stays text, [label, href] becomes a link. */
export const linkPieces = (text: string): [string, string?][] => {
  const pieces: [string, string?][] = [];
  let at = 0;
  for (const match of text.matchAll(LINKS)) {
    const start = match.index || 0;
    let whole = match[0];
    let label = match[1];
    let href: string | null;
    if (label != null) {
      href = safeUrl(match[2]);
    } else {
      whole = whole.replace(/[.,;:!?]+$/, "");
      label = whole;
      href = safeUrl(whole);
    }
    if (!href) continue;
    if (start > at) pieces.push([text.slice(at, start)]);
    pieces.push([label, href]);
    at = start + whole.length;
  }
  if (at < text.length) pieces.push([text.slice(at)]);
  return pieces;
};
