import { useTranslations } from 'next-intl';
import { JsonView } from '@/components/ui/json-view';
import { batchAttributesJson } from '@/lib/domain/inspect-json';
import type { BatchRow } from '@/lib/read-models/rows';

export function BatchAttributes({ batch, columns }: { batch: BatchRow; columns: readonly string[] }) {
  const t = useTranslations('BatchPage');
  return (
    <section aria-labelledby="attributes-title" className="card">
      <h2 id="attributes-title">{t('attributes')}</h2>
      <div data-testid="attributes">
        <JsonView json={batchAttributesJson(batch, batch.serialized_properties_text, columns)} />
      </div>
    </section>
  );
}
