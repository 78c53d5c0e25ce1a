/**
 * The member's start/stop contract: {@link org.confluentcollective.server.lifecycle.Lifecycle}
 * starts parts in order and closes them in reverse (Jetty's {@code ContainerLifeCycle}, Curator's
 * start/close), so every part with a thread or socket is owned by exactly one container.
 */
package org.confluentcollective.server.lifecycle;
