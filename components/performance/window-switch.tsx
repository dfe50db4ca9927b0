import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { WINDOWS, type PerformanceWindow } from '@/lib/domain/performance';

/** The windows as links (no JavaScript needed); the current one marked. */
export function WindowSwitch({ current, hrefFor }: { current: PerformanceWindow; hrefFor: (window: PerformanceWindow) => string }) {
  const t = useTranslations('Performance');
  return (
    <nav className="tabs" aria-label={t('windowNav')} data-testid="window-switch">
      {WINDOWS.map((w) => (
        <Link key={w} href={hrefFor(w)} className="tab" aria-current={w === current ? 'page' : undefined} data-window={w} prefetch={false}>
          {t(`window_${w}`)}
        </Link>
      ))}
    </nav>
  );
}
