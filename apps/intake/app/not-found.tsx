import { StaticNotice } from "../components/static-notice";

/** Rendered with status 404 for any address that is not a form. */
export default function NotFound() {
  return <StaticNotice kind="notFound" />;
}
