/** Identifiers of the workbench application (perspectives, views, commands) for other bundles and tests. */
@NonNullByDefault({ PARAMETER, RETURN_TYPE, TYPE_BOUND }) // not FIELD: widgets are made in createPartControl, not constructors
package org.pacarbon.app;

import static org.eclipse.jdt.annotation.DefaultLocation.PARAMETER;
import static org.eclipse.jdt.annotation.DefaultLocation.RETURN_TYPE;
import static org.eclipse.jdt.annotation.DefaultLocation.TYPE_BOUND;

import org.eclipse.jdt.annotation.NonNullByDefault;
