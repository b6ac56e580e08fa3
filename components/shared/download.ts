/** A file to save: its name, its text and its MIME type. */
export interface TextFile {
  name: string;
  text: string;
  type: string;
}

/** Saves text as a file through the browser's download of a local blob: nothing leaves the machine. */
export function downloadFile({ name, text, type }: TextFile): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Saves a blob (an image drawn on the page) the same way. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
