/**
 * The exception condition names PL/pgSQL knows (`EXCEPTION WHEN unique_violation THEN`, `RAISE
 * division_by_zero`): PostgreSQL's error conditions, by their names, from PostgreSQL 15 to 18
 * (`snapshot_too_old`, gone in 17, included; warnings and success codes are not conditions).
 * Listed as the set the PL/pgSQL compiler of libpg-query (PostgreSQL 18) accepts, plus the error
 * conditions of PostgreSQL 15; `test/parser/plpgsql-blocks.test.ts` checks every name against it.
 */
const NAMES = [
  "active_sql_transaction admin_shutdown ambiguous_alias ambiguous_column ambiguous_function",
  "ambiguous_parameter array_subscript_error assert_failure bad_copy_file_format",
  "branch_transaction_already_active cannot_coerce cannot_connect_now cant_change_runtime_param",
  "cardinality_violation case_not_found character_not_in_repertoire check_violation",
  "collation_mismatch config_file_error configuration_limit_exceeded connection_does_not_exist",
  "connection_exception connection_failure containing_sql_not_permitted crash_shutdown",
  "data_corrupted data_exception database_dropped datatype_mismatch datetime_field_overflow",
  "deadlock_detected dependent_objects_still_exist dependent_privilege_descriptors_still_exist",
  "diagnostics_exception disk_full division_by_zero duplicate_alias duplicate_column",
  "duplicate_cursor duplicate_database duplicate_file duplicate_function",
  "duplicate_json_object_key_value duplicate_object duplicate_prepared_statement duplicate_schema",
  "duplicate_table error_in_assignment escape_character_conflict event_trigger_protocol_violated",
  "exclusion_violation external_routine_exception external_routine_invocation_exception",
  "fdw_column_name_not_found fdw_dynamic_parameter_value_needed fdw_error",
  "fdw_function_sequence_error fdw_inconsistent_descriptor_information fdw_invalid_attribute_value",
  "fdw_invalid_column_name fdw_invalid_column_number fdw_invalid_data_type",
  "fdw_invalid_data_type_descriptors fdw_invalid_descriptor_field_identifier fdw_invalid_handle",
  "fdw_invalid_option_index fdw_invalid_option_name fdw_invalid_string_format",
  "fdw_invalid_string_length_or_buffer_length fdw_invalid_use_of_null_pointer fdw_no_schemas",
  "fdw_option_name_not_found fdw_out_of_memory fdw_reply_handle fdw_schema_not_found",
  "fdw_table_not_found fdw_too_many_handles fdw_unable_to_create_execution",
  "fdw_unable_to_create_reply fdw_unable_to_establish_connection feature_not_supported",
  "file_name_too_long floating_point_exception foreign_key_violation",
  "function_executed_no_return_statement generated_always grouping_error",
  "held_cursor_requires_same_isolation_level idle_in_transaction_session_timeout",
  "idle_session_timeout in_failed_sql_transaction inappropriate_access_mode_for_branch_transaction",
  "inappropriate_isolation_level_for_branch_transaction indeterminate_collation",
  "indeterminate_datatype index_corrupted indicator_overflow insufficient_privilege",
  "insufficient_resources integrity_constraint_violation internal_error interval_field_overflow",
  "invalid_argument_for_logarithm invalid_argument_for_nth_value_function",
  "invalid_argument_for_ntile_function invalid_argument_for_power_function",
  "invalid_argument_for_sql_json_datetime_function invalid_argument_for_width_bucket_function",
  "invalid_argument_for_xquery invalid_authorization_specification invalid_binary_representation",
  "invalid_catalog_name invalid_character_value_for_cast invalid_column_definition",
  "invalid_column_reference invalid_cursor_definition invalid_cursor_name invalid_cursor_state",
  "invalid_database_definition invalid_datetime_format invalid_escape_character",
  "invalid_escape_octet invalid_escape_sequence invalid_foreign_key invalid_function_definition",
  "invalid_grant_operation invalid_grantor invalid_indicator_parameter_value invalid_json_text",
  "invalid_locator_specification invalid_name invalid_object_definition invalid_parameter_value",
  "invalid_password invalid_preceding_or_following_size invalid_prepared_statement_definition",
  "invalid_recursion invalid_regular_expression invalid_role_specification",
  "invalid_row_count_in_limit_clause invalid_row_count_in_result_offset_clause",
  "invalid_savepoint_specification invalid_schema_definition invalid_schema_name",
  "invalid_sql_json_subscript invalid_sql_statement_name invalid_sqlstate_returned",
  "invalid_table_definition invalid_tablesample_argument invalid_tablesample_repeat",
  "invalid_text_representation invalid_time_zone_displacement_value invalid_transaction_initiation",
  "invalid_transaction_state invalid_transaction_termination invalid_use_of_escape_character",
  "invalid_xml_comment invalid_xml_content invalid_xml_document invalid_xml_processing_instruction",
  "io_error locator_exception lock_file_exists lock_not_available modifying_sql_data_not_permitted",
  "more_than_one_sql_json_item most_specific_type_mismatch name_too_long no_active_sql_transaction",
  "no_active_sql_transaction_for_branch_transaction no_data_found no_sql_json_item",
  "non_numeric_sql_json_item non_unique_keys_in_a_json_object nonstandard_use_of_escape_character",
  "not_an_xml_document not_null_violation null_value_no_indicator_parameter null_value_not_allowed",
  "numeric_value_out_of_range object_in_use object_not_in_prerequisite_state operator_intervention",
  "out_of_memory plpgsql_error program_limit_exceeded prohibited_sql_statement_attempted",
  "protocol_violation query_canceled raise_exception read_only_sql_transaction",
  "reading_sql_data_not_permitted reserved_name restrict_violation savepoint_exception",
  "schema_and_data_statement_mixing_not_supported sequence_generator_limit_exceeded",
  "serialization_failure singleton_sql_json_item_required snapshot_too_old",
  "sql_json_array_not_found sql_json_item_cannot_be_cast_to_target_type sql_json_member_not_found",
  "sql_json_number_not_found sql_json_object_not_found sql_json_scalar_required",
  "sql_routine_exception sql_statement_not_yet_complete",
  "sqlclient_unable_to_establish_sqlconnection sqlserver_rejected_establishment_of_sqlconnection",
  "srf_protocol_violated stacked_diagnostics_accessed_without_active_handler",
  "statement_completion_unknown statement_too_complex string_data_length_mismatch",
  "string_data_right_truncation substring_error syntax_error syntax_error_or_access_rule_violation",
  "system_error too_many_arguments too_many_columns too_many_connections",
  "too_many_json_array_elements too_many_json_object_members too_many_rows",
  "transaction_integrity_constraint_violation transaction_resolution_unknown transaction_rollback",
  "transaction_timeout trigger_protocol_violated triggered_action_exception",
  "triggered_data_change_violation trim_error undefined_column undefined_file undefined_function",
  "undefined_object undefined_parameter undefined_table unique_violation",
  "unsafe_new_enum_value_usage unterminated_c_string untranslatable_character windowing_error",
  "with_check_option_violation wrong_object_type zero_length_character_string",
].join(" ");

let conditions: ReadonlySet<string> | undefined;

/** Whether `name` (lower-cased) is a condition name PL/pgSQL knows; OTHERS is the catch-all, not one. */
export function isConditionName(name: string): boolean {
  conditions ??= new Set(NAMES.split(" "));
  return conditions.has(name);
}

/** Every condition name, sorted (for tests). */
export function conditionNames(): readonly string[] {
  return NAMES.split(" ");
}
