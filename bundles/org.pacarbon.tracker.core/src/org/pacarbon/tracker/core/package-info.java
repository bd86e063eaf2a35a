/** The research tracker without UI: the store, its file, frameworks, export and import. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.pacarbon.tracker.core;
