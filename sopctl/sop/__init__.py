"""One SOP file: the model, its YAML reading and writing, its canonical form, its flow and dates."""
