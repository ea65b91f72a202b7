/**
 * The text of each CSV record by the line it starts on (the header is line
 * 1), counting lines as the API does (any line ending; a quoted field may
 * span lines), so an error for "line 7" can show the row it is about.
 */
export function recordsByLine(csv: string): Map<number, string> {
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records = new Map<number, string>();
  let line = 1;
  let start = 0;
  let startLine = 1;
  let inQuotes = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n' && inQuotes) line++;
    if ((ch === '\n' && !inQuotes) || i === text.length) {
      if (i > start) records.set(startLine, text.slice(start, i));
      line++;
      start = i + 1;
      startLine = line;
    }
  }
  return records;
}
