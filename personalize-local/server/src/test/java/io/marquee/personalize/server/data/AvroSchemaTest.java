package io.marquee.personalize.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.personalize.server.web.AwsException;
import org.junit.jupiter.api.Test;

class AvroSchemaTest {

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"com.amazonaws.personalize.schema\","
                + "\"fields\":[" + fields + "],\"version\":\"1.0\"}";
    }

    @Test
    void personalizesOwnSchemaShapeIsReadWithNullableAndCategoricalFields() {
        AvroSchema schema = AvroSchema.parse(record("{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
                + "{\"name\":\"GENRES\",\"type\":[\"null\",\"string\"],\"categorical\":true},"
                + "{\"name\":\"CREATION_TIMESTAMP\",\"type\":\"long\"}"));
        assertThat(schema.name()).isEqualTo("Items");
        assertThat(schema.fields()).containsExactly(new AvroSchema.Field("ITEM_ID", "string", false, false),
                new AvroSchema.Field("GENRES", "string", true, true),
                new AvroSchema.Field("CREATION_TIMESTAMP", "long", false, false));
    }

    @Test
    void whatAvroOrPersonalizeRefusesIsInvalidInputNamingTheField() {
        assertThatThrownBy(() -> AvroSchema.parse(record("{\"name\":\"A\",\"type\":\"date\"}")))
                .isInstanceOf(AwsException.class).hasMessageContaining("fields[0].type");
        assertThatThrownBy(() -> AvroSchema.parse(record("{\"name\":\"A\",\"type\":\"string\"},"
                + "{\"name\":\"B\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}")))
                .isInstanceOf(AwsException.class).hasMessageContaining("fields[1].type");
        assertThatThrownBy(() -> AvroSchema.parse(record("{\"name\":\"A\",\"type\":[\"null\",\"string\",\"int\"]}")))
                .hasMessageContaining("fields[0].type: a union");
        assertThatThrownBy(() -> AvroSchema.parse(record("{\"name\":\"N\",\"type\":\"int\",\"categorical\":true}")))
                .hasMessageContaining("only string fields can be categorical");
        assertThatThrownBy(() -> AvroSchema.parse(record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"A\",\"type\":\"int\"}")))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> AvroSchema.parse(record("{\"name\":\"1X\",\"type\":\"int\"}")))
                .isInstanceOf(AwsException.class).hasMessageContaining("schema:");
        assertThatThrownBy(() -> AvroSchema.parse("{\"type\":\"string\"}"))
                .isInstanceOf(AwsException.class).hasMessageContaining("record");
    }
}
