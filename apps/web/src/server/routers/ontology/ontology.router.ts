import { createTRPCRouter } from '../../trpc/init';
import { commandStatus } from './command-status';
import { defineObjectType } from './define-object-type';
import { deleteObjectType } from './delete-object-type';
import { listObjectTypes } from './list-object-types';
import { searchObjectTypes } from './search-object-types';
import { updateObjectType } from './update-object-type';
import { watchCommand } from './watch-command';
import { watchObjectTypes } from './watch-object-types';

export const ontologyRouter = createTRPCRouter({
  listObjectTypes,
  searchObjectTypes,
  defineObjectType,
  updateObjectType,
  deleteObjectType,
  commandStatus,
  watchCommand,
  watchObjectTypes,
});
