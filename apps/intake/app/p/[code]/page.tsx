import { api } from "@intake/backend/api";
import { fetchQuery } from "convex/nextjs";
import { notFound, redirect } from "next/navigation";

import { env } from "../../env";

/** Poster codes: 6 characters of RFC 4648 base32 in lower case. */
const POSTER_CODE_PATTERN = /^[a-z2-7]{6}$/;

interface PosterRouteProps {
  params: Promise<{ code: string }>;
}

/**
 * /p/<code>: the short URL printed on a poster, short enough to type from
 * a laminated sheet. It sends the patient on to the poster's form with
 * the poster's source code, so the visit counts for that poster.
 */
export default async function PosterRoute({ params }: PosterRouteProps) {
  const { code } = await params;
  if (!POSTER_CODE_PATTERN.test(code)) notFound();

  const target = await fetchQuery(
    api.posters.resolve,
    { code },
    { url: env.convexUrl },
  );
  if (target === null) notFound();
  redirect(`/f/${target.slug}?src=${code}`);
}
