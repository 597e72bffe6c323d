package org.ssm.process;

import org.geotools.api.feature.type.Name;
import org.geotools.process.factory.AnnotatedBeanProcessFactory;
import org.geotools.text.Text;

/**
 * The GeoTools process factory of every soil-moisture process, namespace {@code ssm}, found by
 * GeoServer and the bundled host through {@code META-INF/services/org.geotools.process.ProcessFactory}.
 */
public class SsmProcessFactory extends AnnotatedBeanProcessFactory {

    /** The process namespace prefix. */
    public static final String NAMESPACE = "ssm";

    public SsmProcessFactory() {
        super(Text.text("High-resolution soil moisture"), NAMESPACE,
                AlignProcess.class,
                SpectralIndicesProcess.class,
                DisPATChProcess.class,
                DownscaleCoarseToFineProcess.class,
                ESTARFMProcess.class,
                QualityMaskProcess.class,
                GapFillLSTProcess.class,
                WhittakerSmoothProcess.class,
                TripleCollocationProcess.class,
                ThreeCorneredHatProcess.class,
                NonlinearLinkDownscaleProcess.class,
                ValidateProcess.class,
                ReadStationsProcess.class,
                ATARKProcess.class,
                DownscalePointSurfaceProcess.class,
                ApplyModelProcess.class);
    }

    /** Every process reports progress through its ProgressListener and can be cancelled with it. */
    @Override
    public boolean supportsProgress(Name name) {
        return true;
    }
}
