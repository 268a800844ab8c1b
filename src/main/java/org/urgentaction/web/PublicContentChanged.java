package org.urgentaction.web;

/** Staff changed something (a POST under /admin was handled): whatever public pages keep is stale. */
public record PublicContentChanged() {
}
