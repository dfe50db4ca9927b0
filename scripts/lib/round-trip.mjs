// Times a dashboard action as a person does it, in Chromium: from the click on Confirm to the row's new badge.
// Alternates Retry and Discard on one discarded job, so the job ends as it started. `scope` is the row or the page.

export async function timeRetryDiscard(page, scope, rounds = 10) {
  const times = { retry: [], discard: [] };
  for (let i = 0; i < rounds; i += 1) {
    for (const [action, label, status] of [['retry', 'Retry', 'queued'], ['discard', 'Discard', 'discarded']]) {
      await scope.getByText('Actions', { exact: true }).click();
      await scope.getByTestId(`action-${action}`).click();
      const confirm = page.getByRole('dialog').getByRole('button', { name: label, exact: true });
      await confirm.waitFor();
      const started = performance.now();
      await confirm.click();
      await scope.getByTestId(`status-${status}`).first().waitFor();
      times[action].push(performance.now() - started);
    }
  }
  return times;
}
