package io.marquee.personalize.setup;

/** The Avro schemas of the three datasets, as Personalize wants them; the export writes files that match. */
public final class Schemas {

    public static final String INTERACTIONS = """
            {"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"USER_ID","type":"string"},
              {"name":"ITEM_ID","type":"string"},
              {"name":"TIMESTAMP","type":"long"},
              {"name":"EVENT_TYPE","type":"string"},
              {"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}""";
    public static final String ITEMS = """
            {"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"ITEM_ID","type":"string"},
              {"name":"GENRES","type":["null","string"],"categorical":true},
              {"name":"YEAR","type":["null","int"]},
              {"name":"CREATION_TIMESTAMP","type":["null","long"]}],"version":"1.0"}""";
    public static final String USERS = """
            {"type":"record","name":"Users","namespace":"com.amazonaws.personalize.schema","fields":[
              {"name":"USER_ID","type":"string"},
              {"name":"AGE","type":["null","int"]},
              {"name":"GENDER","type":["null","string"],"categorical":true}],"version":"1.0"}""";

    private Schemas() {
    }
}
