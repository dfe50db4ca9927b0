import { NotFoundView } from '@/components/ui/not-found-view';

// Requests outside any locale (rare: the proxy routes nearly all of them into one). English, with links to every locale.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body>
        <main className="page">
          <NotFoundView
            title="Not found"
            body="There is no page at this address."
            links={[
              { href: '/en/batches', label: 'Batches' },
              { href: '/ko/batches', label: '배치' },
              { href: '/ja/batches', label: 'バッチ' },
              { href: '/ru/batches', label: 'Пакеты' },
            ]}
          />
        </main>
      </body>
    </html>
  );
}
