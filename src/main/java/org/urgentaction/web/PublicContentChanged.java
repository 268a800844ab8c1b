package org.urgentaction.web;

import org.springframework.modulith.NamedInterface;

/** Staff changed something (a POST under /admin was handled): whatever public pages keep is stale. */
@NamedInterface("api")
public record PublicContentChanged() {
}
