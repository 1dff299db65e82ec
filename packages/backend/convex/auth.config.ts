// Convex Auth issues its own JWTs from this deployment's site URL, so the
// deployment trusts tokens whose issuer is that URL.
export default {
  providers: [
    {
      domain: process.env.CONVEX_SITE_URL,
      applicationID: "convex",
    },
  ],
};
