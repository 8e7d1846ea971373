/** Command-line tools over viewer-core: {@link nl.duoviewer.core.tools.DicomCheck} ({@code dicomcheck DIR OUT}). */
package nl.duoviewer.core.tools;
