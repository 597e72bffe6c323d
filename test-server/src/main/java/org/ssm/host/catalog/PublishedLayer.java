package org.ssm.host.catalog;

/** A layer of the catalogue: a raster {@link Layer} (WMS and WCS) or a {@link StationLayer} (WMS only). */
public sealed interface PublishedLayer permits Layer, StationLayer {

    /** The layer name, unique over both kinds. */
    String name();

    /** A human title. */
    String title();
}
