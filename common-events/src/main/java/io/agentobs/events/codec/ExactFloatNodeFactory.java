package io.agentobs.events.codec;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ValueNode;

import java.math.BigDecimal;

/** Builds the codec's float nodes from the exact decimal read, so validation sees 1e400 as written, not Infinity. */
final class ExactFloatNodeFactory extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    private ExactFloatNodeFactory() {
    }

    /** A reader of {@code mapper}'s configuration that builds its trees with this factory. */
    static ObjectReader treeReader(JsonMapper mapper) {
        return mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(new ExactFloatNodeFactory());
    }

    /** A {@code DoubleNode} when a finite double holds {@code value} (as by default), else the exact decimal. */
    @Override
    public ValueNode numberNode(BigDecimal value) {
        if (value == null) {
            return nullNode();
        }
        double approximation = value.doubleValue();
        if (Double.isInfinite(approximation) || (approximation == 0 && value.signum() != 0)) {
            return super.numberNode(value);
        }
        return numberNode(approximation);
    }
}
