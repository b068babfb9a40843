/** The kit's form fields, bound to the contract's schemas by `useSchemaForm`. */
export { DateField, type DateFieldProps, DateInput, MonthField, MonthInput } from './DateField';
export { describedBy, Field, FieldMessage } from './Field';
export { FormFooter } from './FormFooter';
export { NumberField, type NumberFieldProps, readNumber } from './NumberField';
export { CheckboxGroup, type FieldOption, type OptionGroup, optionsOf, SelectField } from './SelectField';
export { TextArea, TextField, TimeField } from './TextField';
export { type BoundField, type FieldKey, type FormOutput, type FormValues, useSchemaForm } from './useSchemaForm';
