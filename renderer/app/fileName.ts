/** A file name from a document title: no path separators, reserved or control characters. */
export function safeFileName(title: string, ext: string): string {
  const cleaned = Array.from(title)
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && !'\\/:*?"<>|'.includes(ch))
    .join('')
    .trim()
    .slice(0, 80);
  return `${cleaned || 'linjaus'}.${ext}`;
}
