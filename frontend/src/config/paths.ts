// Every client route in one place, so links and the router cannot drift apart.
export const paths = {
  home: { path: '/' },
  orgs: {
    regions: { path: '/orgs', getHref: () => '/orgs' },
    region: {
      path: '/orgs/regions/:regionCode',
      getHref: (regionCode: string, search?: URLSearchParams) => {
        const query = search?.toString();
        return `/orgs/regions/${encodeURIComponent(regionCode)}${query ? `?${query}` : ''}`;
      },
    },
    organization: {
      path: '/orgs/organizations/:organizationId',
      getHref: (organizationId: number) => `/orgs/organizations/${organizationId}`,
    },
  },
} as const;
