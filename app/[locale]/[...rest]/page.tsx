import { notFound } from 'next/navigation';

// Any path under a locale that no page serves: the localized not-found page, with HTTP 404.
export default function CatchAll() {
  notFound();
}
