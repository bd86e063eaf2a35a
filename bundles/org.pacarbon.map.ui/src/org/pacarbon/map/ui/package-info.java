/** The map view and its tools, dialogs, legend, identify and the map service other bundles use. */
@NonNullByDefault({ PARAMETER, RETURN_TYPE, TYPE_BOUND }) // not FIELD: widgets are made in createPartControl, not constructors
package org.pacarbon.map.ui;

import static org.eclipse.jdt.annotation.DefaultLocation.PARAMETER;
import static org.eclipse.jdt.annotation.DefaultLocation.RETURN_TYPE;
import static org.eclipse.jdt.annotation.DefaultLocation.TYPE_BOUND;

import org.eclipse.jdt.annotation.NonNullByDefault;
