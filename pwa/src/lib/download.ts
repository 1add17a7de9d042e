/**
 * Saves a file the user asked for to the device's Downloads. It leaves the app there: outside
 * its lock and wipe, so callers ask first (SaveWarning) and never save anything on their own.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
