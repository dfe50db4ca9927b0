import { expect, type Locator, type Page } from '@playwright/test';
import { messages, type Locale } from '../fixtures';

export class BatchPage {
  readonly callbackJobs: Locator;
  readonly batchedJobs: Locator;
  readonly attributes: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    this.callbackJobs = page.getByTestId('callback-jobs');
    this.batchedJobs = page.getByTestId('batched-jobs');
    this.attributes = page.getByTestId('attributes');
  }

  async open(batchId: string, query = '') {
    const response = await this.page.goto(`/${this.locale}/batches/${batchId}${query}`);
    expect(response?.status()).toBe(200);
    await expect(this.page.locator('html')).toHaveAttribute('lang', this.locale);
  }

  t(namespace: string, key: string): string {
    return messages(this.locale)[namespace]![key]!;
  }

  /** The `<tbody>` of one job, in either table. */
  job(jobId: string): Locator {
    return this.page.locator(`tbody.job[data-job-id="${jobId}"]`);
  }

  /** Opens the job's actions menu, picks the action and confirms it in the dialog; returns the dialog's question. */
  async act(jobId: string, action: string): Promise<string> {
    const row = this.job(jobId);
    await row.getByText(this.t('JobAction', 'menu'), { exact: true }).click();
    await row.getByTestId(`action-${action}`).click();
    return this.confirm(this.t('JobAction', action));
  }

  async retryBatch(): Promise<string> {
    await this.page.getByTestId('action-retry-batch').click();
    return this.confirm(this.t('BatchActions', 'retryBatch'));
  }

  private async confirm(label: string): Promise<string> {
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toHaveText(this.t('ConfirmAction', 'title'));
    const question = (await dialog.locator('p').textContent()) ?? '';
    await dialog.getByRole('button', { name: label, exact: true }).click();
    return question;
  }

  /** The text of the page's aria-live region once it says something. */
  async result(): Promise<string> {
    const region = this.page.getByTestId('action-result');
    await expect(region.locator('.toast')).toBeVisible();
    return (await region.locator('.toast span').textContent()) ?? '';
  }

  async inspect(jobId: string): Promise<string> {
    const row = this.job(jobId);
    await row.getByText(this.t('JobsTable', 'inspect'), { exact: true }).click();
    const json = row.locator('pre');
    await expect(json).toBeVisible();
    return (await json.textContent()) ?? '';
  }
}
