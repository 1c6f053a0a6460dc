package dev.tracer.testing;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Validates XML against a RelaxNG schema with Jing (an independent validator). */
public final class RelaxNg {
    /** The official GEXF 1.3 schema, relative to shared/data. */
    public static final String GEXF_13 = "schemas/gephi-gexf/specs/1.3/gexf.rng";

    private RelaxNg() {
    }

    /** Jing's errors for {@code file} against {@code rng}, one line each; empty when valid. */
    public static List<String> validate(Path rng, Path file) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(file.getFileName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, collect);
        try {
            ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
            if (!driver.loadSchema(ValidationDriver.fileInputSource(rng.toFile()))) {
                errors.add("schema " + rng + " did not load");
                return errors;
            }
            if (!driver.validate(ValidationDriver.fileInputSource(file.toFile())) && errors.isEmpty()) {
                errors.add("invalid, without a message");
            }
        } catch (java.io.IOException | org.xml.sax.SAXException e) {
            errors.add("cannot validate " + file + ": " + e);
        }
        return errors;
    }
}
