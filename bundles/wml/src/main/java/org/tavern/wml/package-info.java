/**
 * WML, the markup every Wesnoth protocol message is written in: a zero-copy document model whose
 * names and values are spans over the received bytes, a writer that re-emits untouched elements as
 * their original bytes, a cached gzip form, and the diff operations of the protocol.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tavern.wml;
