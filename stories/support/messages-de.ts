import type { DropzoneMessages } from "../../src";

const TYPE_NAMES_DE: Record<string, string> = {
  image: "Bilder",
  video: "Videos",
  audio: "Audiodateien",
  pdf: "PDFs",
  text: "Textdateien",
  blob: "Dateien",
};

function describeTypeDe(type: string): string {
  return TYPE_NAMES_DE[type] ?? `${type.split("/")[1]?.toUpperCase()}-Dateien`;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"];
const decimal = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });

function formatBytesDe(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${decimal.format(value)} ${BYTE_UNITS[unit]}`;
}

/** Every Dropzone message in German, as an app would pass to `messages`. */
export const messagesDe: DropzoneMessages = {
  dropHint: "Dateien hierher ziehen oder klicken, um sie auszuwählen",
  dragAccept: "Loslassen, um die Dateien hinzuzufügen",
  dragReject: "Einige dieser Dateien sind nicht erlaubt",
  loadingConfig: "Upload-Grenzen werden geladen …",
  restrictions: (config) =>
    Object.entries(config)
      .map(
        ([type, limits]) =>
          `${describeTypeDe(type)} bis ${limits.maxFileSize}, höchstens ${limits.maxFileCount}`,
      )
      .join("; "),
  formatBytes: formatBytesDe,
  invalidType: (name, { extension, allowedTypes }) =>
    `${name} hat einen nicht erlaubten Dateityp (${extension || "ohne Endung"}); erlaubt: ${allowedTypes.map(describeTypeDe).join(", ")}`,
  fileTooLarge: (name, size, limit) =>
    `${name} ist ${size} groß; erlaubt sind ${limit}`,
  tooManyFiles: (name, max) =>
    `${name} wurde nicht hinzugefügt: höchstens ${max} Dateien`,
  minimumUnreachable: (name, min, remaining) =>
    `${name} wurde nicht hinzugefügt: diese Route lädt mindestens ${min} Dateien auf einmal hoch, es passen nur noch ${remaining}`,
  duplicateFile: (name) => `${name} ist schon in der Liste`,
  invalidName: (name) =>
    name.trim() === ""
      ? "Eine Datei ohne Namen kann nicht hochgeladen werden; bitte umbenennen und erneut hinzufügen"
      : `Der Dateiname ${JSON.stringify(name)} enthält ein Pfadtrennzeichen oder ein Steuerzeichen; bitte die Datei umbenennen und erneut hinzufügen`,
  belowMinimum: (min, type) =>
    `Bitte mindestens ${min} ${describeTypeDe(type)} hinzufügen`,
  stalled: (name, timeoutMs) =>
    `${name} kam ${decimal.format(timeoutMs / 1000)} s lang nicht voran; bitte erneut versuchen`,
  uploadFailed: (name) => `${name} konnte nicht hochgeladen werden`,
  transferFailed: (name, status) =>
    status === undefined
      ? `${name} konnte nicht hochgeladen werden: Der Speicherserver ist nicht erreichbar. Bitte erneut versuchen.`
      : `${name} konnte nicht hochgeladen werden: Der Speicherserver antwortete mit ${status}. Bitte erneut versuchen.`,
  routeConfigFailed: (url, detail) =>
    `Upload-Grenzen von ${url} konnten nicht geladen werden: ${detail}`,
  scriptLoadFailed: (detail, waiting) =>
    `Der Upload-Code konnte nicht geladen werden: ${detail}. ${waiting > 0 ? `${waiting} Datei(en) warten darauf. ` : ""}Eine Datei hinzufügen, um es erneut zu versuchen.`,
  unknownEndpoint: (endpoint, url) =>
    `Keine Route „${endpoint}“ in der Konfiguration von ${url}`,
  status: {
    queued: "Wartet",
    uploading: "Wird hochgeladen",
    complete: "Hochgeladen",
    error: "Fehlgeschlagen",
    canceled: "Abgebrochen",
    rejected: "Nicht hinzugefügt",
  },
  upload: (count) => `${count} ${count === 1 ? "Datei" : "Dateien"} hochladen`,
  cancelAll: "Alle abbrechen",
  cancel: (name) => `${name} abbrechen`,
  retry: (name) => `${name} erneut versuchen`,
  remove: (name) => `${name} entfernen`,
  progress: (name) => `Fortschritt von ${name}`,
  announceComplete: (name) => `${name} hochgeladen`,
  announceFailed: (name, reason) => `${name} fehlgeschlagen: ${reason}`,
  announceMore: (count) => `${count} weitere Meldungen`,
};
