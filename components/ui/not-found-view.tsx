import Link from 'next/link';

export function NotFoundView({ title, body, links }: { title: string; body: string; links: ReadonlyArray<{ href: string; label: string }> }) {
  return (
    <section className="message-page" aria-labelledby="message-title">
      <p className="message-code">404</p>
      <h1 id="message-title">{title}</h1>
      <p>{body}</p>
      <p className="message-links">
        {links.map((l) => (
          <Link key={l.href} href={l.href}>
            {l.label}
          </Link>
        ))}
      </p>
    </section>
  );
}
