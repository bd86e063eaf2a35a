/** The research tracker view: the item tree, forms, evidence and the damaged-file panel. */
@NonNullByDefault({ PARAMETER, RETURN_TYPE, TYPE_BOUND }) // not FIELD: widgets are made in createPartControl, not constructors
package org.pacarbon.tracker.ui;

import static org.eclipse.jdt.annotation.DefaultLocation.PARAMETER;
import static org.eclipse.jdt.annotation.DefaultLocation.RETURN_TYPE;
import static org.eclipse.jdt.annotation.DefaultLocation.TYPE_BOUND;

import org.eclipse.jdt.annotation.NonNullByDefault;
