package mx.cocreacion.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.StringUtil;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.spin.DataFormats;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.impl.JsonValueSerializer;
import org.camunda.spin.plugin.variable.value.SpinValue;
import org.camunda.spin.spi.DataFormat;
import org.springframework.stereotype.Component;

/**
 * Json variables of up to {@value InlineJsonValueSerializer#INLINE_BYTES} bytes are stored in the variable's own
 * row (its text column), not in a separate byte array: Camunda's Spin serializer writes every Json value to
 * {@code ACT_GE_BYTEARRAY}, one row for the variable, one for its history and one for each change in the history,
 * each read and deleted apart. The forms' summaries, votes and lists are a few hundred bytes to a few kilobytes.
 *
 * <p>Same type ({@code json}), same serializer name, same values through every API (engine REST, Tasklist,
 * Cockpit, the Java API): only where the bytes are kept changes. A longer value still goes to a byte array, and
 * a value stored before (in a byte array) is still read from there, so a database that already holds exercises
 * needs no migration.
 */
@Component
public class InlineJsonPlugin extends AbstractProcessEnginePlugin {

  // Once the engine is built: Camunda Spin registers its serializers in its own postInit.
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    VariableSerializers serializers = configuration.getVariableSerializers();
    TypedValueSerializer<?> spin = serializers.getSerializerByName(InlineJsonValueSerializer.NAME);
    if (spin == null) {
      throw new IllegalStateException("Camunda Spin's Json serializer is not registered: the product needs "
          + "camunda-engine-plugin-spin");
    }
    int index = serializers.getSerializerIndex(spin);
    serializers.removeSerializer(spin);
    @SuppressWarnings("unchecked")
    DataFormat<SpinJsonNode> json = (DataFormat<SpinJsonNode>) DataFormats.getInstance()
        .getDataFormatByName(DataFormats.JSON_DATAFORMAT_NAME);
    serializers.addSerializer(new InlineJsonValueSerializer(json), index);
  }

  /** Camunda Spin's Json serializer, keeping a short value in the text column. */
  static final class InlineJsonValueSerializer extends JsonValueSerializer {

    /** The text columns ({@code TEXT_}) of variables, their history and its details are {@code varchar(4000)}. */
    static final int INLINE_BYTES = 4000;
    static final String NAME = "json";

    InlineJsonValueSerializer(DataFormat<SpinJsonNode> json) {
      super(json);
    }

    @Override
    protected void writeToValueFields(SpinValue value, ValueFields fields, byte[] serialized) {
      if (serialized != null && serialized.length <= INLINE_BYTES) {
        fields.setByteArrayValue(null); // a longer value before this one had a byte array: deleted
        fields.setTextValue(StringUtil.fromBytes(serialized));
      } else {
        fields.setTextValue(null);
        super.writeToValueFields(value, fields, serialized);
      }
    }

    @Override
    protected byte[] readSerializedValueFromFields(ValueFields fields) {
      byte[] bytes = fields.getByteArrayValue();
      return bytes == null && fields.getTextValue() != null ? StringUtil.toByteArray(fields.getTextValue()) : bytes;
    }
  }
}
