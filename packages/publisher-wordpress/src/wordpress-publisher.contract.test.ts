import { createMemoryMediaStore, describePublisherContract } from '@reelsmith/testkit';
import { http } from 'msw';
import { fakeCredentials, makeDraft } from './testing/draft-fixture.js';
import { wordpressFaults, wpError } from './testing/wordpress-faults.js';
import { createWordPressService } from './testing/wordpress-service.js';
import { createWordPressPublisher } from './wordpress-publisher.js';

const service = createWordPressService();
const media = createMemoryMediaStore();
const draft = await makeDraft(media);
const basic = service.authorization.replace(/^Basic /, '');

describePublisherContract({
  name: 'createWordPressPublisher (testkit publisher contract)',
  create: ({ timeoutMs }) =>
    createWordPressPublisher({ ...fakeCredentials, categories: ['Deals'], timeoutMs, retries: 0 }),
  input: draft,
  media,
  invalidDraft: { ...draft, title: ' ', links: ['http://insecure.example.test/deal'] },
  // publish() first looks for a post that already carries the marker (GET /wp/v2/posts?slug=…).
  route: (resolver) => [http.get(`${service.origin}/wp-json/wp/v2/posts`, resolver)],
  success: service.handlers,
  faults: {
    unauthorized: { resolver: wordpressFaults.incorrectPassword(), expectKind: 'auth' },
    forbidden: {
      resolver: wpError(
        403,
        'rest_forbidden_context',
        'Sorry, you are not allowed to edit posts in this post type.',
      ),
      expectKind: 'auth',
    },
    model_unavailable: { resolver: wordpressFaults.noRoute(), expectKind: 'invalid_input' },
    invalid_input: {
      resolver: wordpressFaults.invalidParam({
        status: 'status[0] is not one of publish, future, draft, pending, private, any.',
      }),
      expectKind: 'invalid_input',
    },
    rate_limited: {
      resolver: wordpressFaults.throttled(7),
      expectKind: 'rate_limit',
      expectRetryAfterMs: 7000,
    },
    server_error: { resolver: wordpressFaults.criticalError(), expectKind: 'transient' },
    unavailable: { resolver: wordpressFaults.maintenance(), expectKind: 'transient' },
    malformed_json: { resolver: wordpressFaults.truncatedJson(), expectKind: ['transient', 'unknown'] },
    html_error_page: { resolver: wordpressFaults.badGateway(), expectKind: 'transient' },
  },
  skipFaults: [
    {
      case: 'billing',
      reason:
        'a WordPress site has no billing answer (no 402 in core or in the REST API); a host 402 is still mapped to billing in wordpress-error.test.ts',
    },
  ],
  extraFaults: [
    {
      name: 'security plugin page with 200 (W10) → invalid_input',
      resolver: wordpressFaults.securityPluginPage(200),
      expectKind: 'invalid_input',
    },
    {
      name: 'firewall block page with 403 → auth',
      resolver: wordpressFaults.firewallBlock(),
      expectKind: 'auth',
    },
    {
      name: 'anonymous request, header stripped (401 rest_not_logged_in) → auth',
      resolver: wordpressFaults.notLoggedIn(),
      expectKind: 'auth',
    },
  ],
  secrets: [
    fakeCredentials.applicationPassword,
    fakeCredentials.applicationPassword.replace(/\s+/g, ''),
    basic,
  ],
});
