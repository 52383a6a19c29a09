/**
 * ingress-nginx annotations that inject raw NGINX configuration: `*-snippet` annotations (Lua
 * and `alias` directives named in the message), and the annotations whose values ingress-nginx
 * copied into its configuration unescaped (IngressNightmare, CVE-2025-1097/1098/24514).
 */
import { describeResource } from '../../kubernetes/model';
import { asScalar, mapAt, rangeOf, resolveNode, type YamlNode } from '../../yaml/yaml-document';
import type { KubernetesRule } from '../define';

const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';
const LUA = /_by_lua|\blua_[a-z_]+\b|\bcontent_by_lua/;
const ALIAS = /(?:^|[;{\s])alias\s+\S/;
/** Annotations copied into nginx.conf as written by vulnerable ingress-nginx versions. */
const UNESCAPED = new Set(['auth-url', 'auth-tls-match-cn', 'mirror-target', 'mirror-host'].map((name) => NGINX_PREFIX + name));
const INJECTION = /[;{}\r\n#'"`\\]/;

export const ingressNginxSnippets: KubernetesRule = {
  meta: {
    id: 'k8s/ingress-nginx-snippets',
    target: 'kubernetes',
    defaultSeverity: 'error',
    title: 'Ingress injects raw NGINX configuration through annotations',
    rationale:
      'ingress-nginx copies snippet annotations (`configuration-snippet`, `server-snippet`, `auth-snippet`, …) verbatim into the configuration of the controller that serves every Ingress in the cluster. Whoever can create an Ingress can then read files from the controller (`alias`), run Lua code in it, and read its service account token, which can read every Secret (CVE-2021-25742). Values of `auth-url`, `auth-tls-match-cn`, `mirror-target` and `mirror-host` with characters such as `;`, `{`, `}`, quotes or line breaks were injected the same way (CVE-2025-1097, CVE-2025-1098, CVE-2025-24514).',
    remediation:
      'Remove the snippet annotation and use the dedicated ingress-nginx annotations or a ConfigMap managed by the cluster administrator. Keep `allow-snippet-annotations: false` and `annotations-risk-level` at its default in the controller\'s configuration, and upgrade ingress-nginx.',
    messages: {
      snippet: '{ingress} sets `{annotation}`: raw NGINX configuration runs in the shared ingress controller. Remove it and use dedicated annotations instead.',
      lua: '{ingress} sets `{annotation}` with Lua code: it runs inside the shared ingress controller. Remove it.',
      alias: '{ingress} sets `{annotation}` with an `alias` directive: it can serve files from the ingress controller, its service account token included. Remove it.',
      injection: '{ingress} sets `{annotation}` to a value with configuration characters (`;`, braces, quotes or line breaks) that vulnerable ingress-nginx versions inject into nginx.conf. Use a plain value and upgrade ingress-nginx.',
    },
    fix: 'none',
    equivalents: { checkov: ['CKV_K8S_152', 'CKV_K8S_153', 'CKV_K8S_154'], trivy: ['KCV-0093'] },
    references: ['https://github.com/kubernetes/ingress-nginx/issues/7837', 'https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/'],
    example: {
      insecure: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers "X-Frame-Options: DENY";\nspec:\n  ingressClassName: nginx',
      secure: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    nginx.ingress.kubernetes.io/custom-headers: ingress-nginx/shop-headers\nspec:\n  ingressClassName: nginx',
    },
  },
  check(resource, context) {
    if (resource.kind !== 'Ingress') return;
    const annotations = mapAt(resource.node, ['metadata', 'annotations'], resource.document);
    const ingress = describeResource(resource);
    for (const item of annotations?.items ?? []) {
      const keyNode = asScalar(item.key);
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const annotation = keyNode.value;
      const value = asScalar(resolveNode(item.value, resource.document))?.value;
      const text = typeof value === 'string' ? value : '';
      const snippet = /snippet/i.test(annotation);
      const nginx = annotation.startsWith(NGINX_PREFIX);
      let messageId: string | undefined;
      if ((snippet || nginx) && LUA.test(text)) messageId = 'lua';
      else if ((snippet || nginx) && ALIAS.test(text)) messageId = 'alias';
      else if (snippet) messageId = 'snippet';
      else if (UNESCAPED.has(annotation) && INJECTION.test(text)) messageId = 'injection';
      if (messageId) context.report({ messageId, data: { ingress, annotation }, range: rangeOf(keyNode as YamlNode) });
    }
  },
};
