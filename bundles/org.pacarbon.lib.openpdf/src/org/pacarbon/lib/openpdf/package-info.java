/**
 * OpenPDF (com.github.librepdf:openpdf 2.0.5, LGPL 2.1 / MPL 2.0) as an OSGi bundle. The artifact on Maven Central is
 * a multi-release jar whose Java 17 supplemental manifest (META-INF/versions/17/OSGI-INF/MANIFEST.MF) makes FOP,
 * Bouncy Castle and ICU mandatory imports, so Equinox cannot resolve it; its classes are the same for every Java
 * release, so this bundle carries them once with those imports optional. The classes are unpacked from the artifact
 * at build time (pom.xml), never kept in the repository.
 */
package org.pacarbon.lib.openpdf;
