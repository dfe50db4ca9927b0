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

  async inspect(jobId: string): Promise<string> {
    const row = this.job(jobId);
    await row.getByText(this.t('JobsTable', 'inspect'), { exact: true }).click();
    const json = row.locator('pre');
    await expect(json).toBeVisible();
    return (await json.textContent()) ?? '';
  }
}
