// A small RFC 4180 CSV reader and writer: quoted fields with commas, doubled quotes and line breaks,
// CRLF or LF (a CRLF inside a quoted field becomes LF). Each record keeps the line it starts on, and a malformed record is returned with its
// error instead of stopping the file.

/**
 * Parses `text` into records `{ line, fields, error? }` (lines are 1-based). A quote inside an
 * unquoted field, or text after a closing quote, makes that record's `error`. A quote that is never
 * closed (or closed lines later, then followed by text) makes its record bad, and reading starts
 * again on the next line, so one stray quote costs one row, not the rest of the file. Blank lines are left out.
 *
 * @param {string} text
 * @returns {Array<{ line: number, fields: string[], error?: string }>}
 */
export function parseCsv(text) {
  const source = text.replace(/^\uFEFF/, '');
  const records = [];
  let index = 0;
  let line = 1;
  while (index < source.length) {
    const record = readRecord(source, index, line);
    // A stray quote swallows the lines after it: mark its own line bad and read on from the next.
    if (record.unterminated || (record.error && record.nextLine > line + 1)) {
      records.push({
        line,
        fields: [],
        error: record.unterminated
          ? 'a quoted field opened on this line is never closed'
          : `a quoted field opened on this line runs over the next lines, then ${record.error}`,
      });
      const newline = source.indexOf('\n', index);
      if (newline === -1) break;
      index = newline + 1;
      line += 1;
      continue;
    }
    const blank = record.fields.length === 1 && record.fields[0] === '' && !record.error;
    if (!blank)
      records.push({ line, fields: record.fields, ...(record.error ? { error: record.error } : {}) });
    index = record.next;
    line = record.nextLine;
  }
  return records;
}

function readRecord(source, start, line) {
  const fields = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let error;
  let current = line;
  for (let index = start; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else if (char === '\r' && source[index + 1] === '\n') continue;
      else {
        if (char === '\n') current += 1;
        field += char;
      }
    } else if (char === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (char === '\n' || char === '\r') {
      const next = char === '\r' && source[index + 1] === '\n' ? index + 2 : index + 1;
      fields.push(field);
      return { fields, error, next, nextLine: current + 1 };
    } else if (char === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else {
      if (wasQuoted) error ??= `text after a closing quote in field ${fields.length + 1}`;
      else if (char === '"')
        error ??= `a quote inside unquoted field ${fields.length + 1} (quote the field and double the quote)`;
      field += char;
    }
  }
  if (quoted) return { unterminated: true };
  fields.push(field);
  return { fields, error, next: source.length, nextLine: current + 1 };
}

/**
 * Formats rows as CSV, quoting what needs it. A text cell that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`) gets a leading `'` when `guardFormulas` is set.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | number>>} rows
 * @param {{ guardFormulas?: boolean }} [options]
 */
export function toCsv(rows, options = {}) {
  const cell = (value) => {
    let text = String(value);
    if (options.guardFormulas && typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
