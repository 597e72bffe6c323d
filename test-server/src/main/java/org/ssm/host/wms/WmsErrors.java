package org.ssm.host.wms;

import org.ssm.host.ows.OwsException;

/**
 * The WMS 1.3.0 exception codes (Annex A of the standard) as {@link OwsException}s.
 *
 * <p>Every client error is sent with HTTP 400: OWSLib, like most WMS clients, reads a
 * ServiceExceptionReport on 400 but gives up on a 404 before looking at the body.
 */
final class WmsErrors {

    static final String LAYER_NOT_DEFINED = "LayerNotDefined";
    static final String STYLE_NOT_DEFINED = "StyleNotDefined";
    static final String INVALID_CRS = "InvalidCRS";
    static final String INVALID_FORMAT = "InvalidFormat";
    static final String INVALID_DIMENSION_VALUE = "InvalidDimensionValue";
    static final String LAYER_NOT_QUERYABLE = "LayerNotQueryable";
    static final String INVALID_POINT = "InvalidPoint";

    private WmsErrors() {}

    static OwsException layerNotDefined(String locator, String message) {
        return new OwsException(LAYER_NOT_DEFINED, locator, message, 400, null);
    }

    static OwsException styleNotDefined(String locator, String message) {
        return new OwsException(STYLE_NOT_DEFINED, locator, message, 400, null);
    }

    static OwsException invalidCrs(String locator, String message) {
        return new OwsException(INVALID_CRS, locator, message, 400, null);
    }

    static OwsException invalidFormat(String locator, String message) {
        return new OwsException(INVALID_FORMAT, locator, message, 400, null);
    }

    static OwsException invalidDimension(String locator, String message) {
        return new OwsException(INVALID_DIMENSION_VALUE, locator, message, 400, null);
    }

    static OwsException layerNotQueryable(String locator, String message) {
        return new OwsException(LAYER_NOT_QUERYABLE, locator, message, 400, null);
    }

    static OwsException invalidPoint(String locator, String message) {
        return new OwsException(INVALID_POINT, locator, message, 400, null);
    }

    static OwsException operationNotSupported(String message) {
        return new OwsException(OwsException.OPERATION_NOT_SUPPORTED, "request", message, 400, null);
    }
}
