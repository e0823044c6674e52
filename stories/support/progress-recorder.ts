/**
 * Records every `aria-valuenow` that a progress bar inside `row` shows, in
 * order, including bars that mount after recording starts. Returns a
 * function that stops recording and returns the values. Repeats of the same
 * value in a row are kept once.
 */
export function recordProgressValues(row: Element): () => number[] {
  const values: number[] = [];
  const push = (value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    const number = Number(value);
    if (values.at(-1) !== number) values.push(number);
  };
  const readCurrent = () =>
    push(
      row.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow"),
    );

  readCurrent();
  // Several changes can land before the callback runs, so each record's
  // oldValue supplies the values that were replaced in between.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes") push(record.oldValue);
    }
    readCurrent();
  });
  observer.observe(row, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ["aria-valuenow"],
  });
  return () => {
    for (const record of observer.takeRecords()) {
      if (record.type === "attributes") push(record.oldValue);
    }
    readCurrent();
    observer.disconnect();
    return values;
  };
}
