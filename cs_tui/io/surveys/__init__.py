"""Reading survey exports: Qualtrics, SurveyMonkey, Typeform and Delighted, told apart by their
headers (`detect`), and a plain layout; `reader.read_survey_file` turns any of them into rows."""
