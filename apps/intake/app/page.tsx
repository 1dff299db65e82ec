import { StaticNotice } from "../components/static-notice";

/** Home page. It has no form, so it explains how to open one. */
export default function Home() {
  return <StaticNotice kind="home" />;
}
